/** A minimal resource page in the Graph style, for tests that need a doc set of their own. */
export function resourcePage(namespace: string, name: string, rows: readonly string[], json = '{}'): string {
  return [
    `# ${name} resource type`,
    '',
    `Namespace: ${namespace}`,
    '',
    `A ${name}.`,
    '',
    '## Properties',
    '',
    '|Property|Type|Description|',
    '|:---|:---|:---|',
    ...rows,
    '',
    '## JSON representation',
    '',
    `<!-- { "blockType": "resource", "@odata.type": "${namespace}.${name}" } -->`,
    '```json',
    json,
    '```',
    '',
  ].join('\n');
}
