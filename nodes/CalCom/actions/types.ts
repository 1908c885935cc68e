import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * What an operation that offers Output returns: Cal.com's answer and how to simplify it. The
 * router turns it into Simplified, Raw or Selected Fields items; the operation never reads Output.
 */
export interface CalComAnswer {
	/** Cal.com's answer, one item per thing it returned: the Raw output. */
	data: IDataObject[];
	/** One item of `data` as Simplified gives it; an array where one answer holds many (slots). */
	simplify(item: IDataObject): IDataObject | IDataObject[];
}

/** Items as they are (operations without Output: deletes, reassign) or an answer to shape. */
export type OperationResult = IDataObject[] | CalComAnswer;

/** One operation: its own parameters and its own execute for a single item. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
	/**
	 * The router may run several items at once (router.ts, CONCURRENT_ITEMS): only for operations
	 * that send nothing but GETs and keep no state of the execution a later item depends on. A
	 * spec (test/integration/concurrent-reads.test.ts) runs every operation marked so and reads the
	 * methods it sent.
	 */
	concurrent?: true;
}
