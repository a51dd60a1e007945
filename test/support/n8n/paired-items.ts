import type { INodeExecutionData, IPairedItemData } from 'n8n-workflow';

/**
 * Fails unless every item carries a `pairedItem` (a number, an object with an item index,
 * or a non-empty list of them). n8n's own harness drops pairedItem before comparing; ours
 * checks it, because a missing one breaks `$('Node').item` for whoever comes next.
 */
export function assertPairedItems(items: INodeExecutionData[], inputCount?: number): void {
	const problems: string[] = [];
	items.forEach((item, index) => {
		const references = toReferences(item.pairedItem);
		if (references === undefined) {
			problems.push(`item ${index} has no pairedItem`);
			return;
		}
		for (const reference of references) {
			if (!Number.isInteger(reference.item) || reference.item < 0) {
				problems.push(`item ${index} has an invalid pairedItem ${JSON.stringify(item.pairedItem)}`);
			} else if (inputCount !== undefined && reference.item >= inputCount) {
				problems.push(`item ${index} is paired with input ${reference.item}, but only ${inputCount} came in`);
			}
		}
	});
	if (problems.length > 0) throw new Error(`pairedItem check failed: ${problems.join('; ')}`);
}

function toReferences(pairedItem: INodeExecutionData['pairedItem']): IPairedItemData[] | undefined {
	if (pairedItem === undefined || pairedItem === null) return undefined;
	if (typeof pairedItem === 'number') return [{ item: pairedItem }];
	if (Array.isArray(pairedItem)) return pairedItem.length > 0 ? pairedItem : undefined;
	return [pairedItem];
}
