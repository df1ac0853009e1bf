/**
 * The IAM actions a module's DynamoDB calls need, read from its source: every `new XCommand(`
 * (document-client and low-level names alike) and every `paginateX(` helper. Transactions have no
 * action of their own: each item is authorized as the item action it performs
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html),
 * so their `Put:` / `Update:` / `Delete:` / `ConditionCheck:` / `Get:` entries are read instead.
 */

const COMMAND_ACTIONS = new Map<string, string>([
  ['GetCommand', 'dynamodb:GetItem'],
  ['GetItemCommand', 'dynamodb:GetItem'],
  ['PutCommand', 'dynamodb:PutItem'],
  ['PutItemCommand', 'dynamodb:PutItem'],
  ['UpdateCommand', 'dynamodb:UpdateItem'],
  ['UpdateItemCommand', 'dynamodb:UpdateItem'],
  ['DeleteCommand', 'dynamodb:DeleteItem'],
  ['DeleteItemCommand', 'dynamodb:DeleteItem'],
  ['QueryCommand', 'dynamodb:Query'],
  ['ScanCommand', 'dynamodb:Scan'],
  ['BatchGetCommand', 'dynamodb:BatchGetItem'],
  ['BatchGetItemCommand', 'dynamodb:BatchGetItem'],
  ['BatchWriteCommand', 'dynamodb:BatchWriteItem'],
  ['BatchWriteItemCommand', 'dynamodb:BatchWriteItem'],
  ['DescribeTableCommand', 'dynamodb:DescribeTable'],
]);

const PAGINATOR_ACTIONS = new Map<string, string>([
  ['paginateQuery', 'dynamodb:Query'],
  ['paginateScan', 'dynamodb:Scan'],
]);

const TRANSACT_WRITE = new Set(['TransactWriteCommand', 'TransactWriteItemsCommand']);
const TRANSACT_GET = new Set(['TransactGetCommand', 'TransactGetItemsCommand']);

const WRITE_ITEM_ACTIONS = new Map<string, string>([
  ['Put', 'dynamodb:PutItem'],
  ['Update', 'dynamodb:UpdateItem'],
  ['Delete', 'dynamodb:DeleteItem'],
  ['ConditionCheck', 'dynamodb:ConditionCheckItem'],
]);

function namesMatching(source: string, pattern: RegExp): string[] {
  return [...source.matchAll(pattern)].flatMap((match) =>
    match[1] === undefined ? [] : [match[1]],
  );
}

function transactionActions(source: string, kinds: ReadonlyMap<string, string>): string[] {
  const keys = namesMatching(source, /\b([A-Z][A-Za-z]*)\s*:\s*\{/g);
  return keys.flatMap((key) => {
    const action = kinds.get(key);
    return action === undefined ? [] : [action];
  });
}

/**
 * Returns the sorted IAM actions the source's DynamoDB commands need.
 *
 * @throws Error naming the command when a command has no known mapping, or when the source
 *   sends no command at all.
 */
export function dynamoDbActionsSentBy(source: string, fileName: string): string[] {
  const commands = namesMatching(source, /\bnew\s+([A-Z][A-Za-z]*Command)\s*\(/g);
  const paginators = namesMatching(source, /\b(paginate[A-Z][A-Za-z]*)\s*\(/g);
  if (commands.length === 0 && paginators.length === 0) {
    throw new Error(`${fileName} sends no DynamoDB command (no "new XCommand(" found).`);
  }
  const actions = new Set<string>();
  for (const command of commands) {
    const action = COMMAND_ACTIONS.get(command);
    if (action !== undefined) {
      actions.add(action);
      continue;
    }
    const items = TRANSACT_WRITE.has(command)
      ? transactionActions(source, WRITE_ITEM_ACTIONS)
      : TRANSACT_GET.has(command)
        ? transactionActions(source, new Map([['Get', 'dynamodb:GetItem']]))
        : undefined;
    if (items === undefined) {
      throw new Error(
        `${fileName} sends ${command}, which terraform/test/dynamodb-actions.ts cannot map to IAM ` +
          'actions: add it there and grant the actions in terraform/main.tf.',
      );
    }
    if (items.length === 0) {
      throw new Error(
        `${fileName} sends ${command} but no transaction item (Put: {…}, …) was found.`,
      );
    }
    for (const item of items) actions.add(item);
  }
  for (const paginator of paginators) {
    const action = PAGINATOR_ACTIONS.get(paginator);
    if (action === undefined) {
      throw new Error(`${fileName} calls ${paginator}, which has no IAM mapping here: add it.`);
    }
    actions.add(action);
  }
  return [...actions].sort();
}
