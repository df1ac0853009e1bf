import { dynamoDbActionsSentBy } from './dynamodb-actions';

describe('dynamoDbActionsSentBy', () => {
  it.each([
    ['new GetCommand({ TableName, Key })', ['dynamodb:GetItem']],
    ['new QueryCommand({ IndexName })', ['dynamodb:Query']],
    ['new PutItemCommand({}); new DeleteCommand({})', ['dynamodb:DeleteItem', 'dynamodb:PutItem']],
    ['for await (const page of paginateQuery({ client }, {})) {}', ['dynamodb:Query']],
  ])('maps %s to its item actions', (source, actions) => {
    expect(dynamoDbActionsSentBy(source, 'x.ts')).toEqual(actions);
  });

  it('maps a write transaction to the actions of its items, not to a transaction action', () => {
    const source = `new TransactWriteCommand({ TransactItems: [
      { Put: { TableName, Item } },
      { ConditionCheck: { TableName, Key, ConditionExpression } },
      { Update: { TableName, Key } },
    ] })`;

    expect(dynamoDbActionsSentBy(source, 'x.ts')).toEqual([
      'dynamodb:ConditionCheckItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ]);
  });

  it('maps a read transaction to GetItem', () => {
    expect(
      dynamoDbActionsSentBy(
        'new TransactGetCommand({ TransactItems: [{ Get: { Key } }] })',
        'x.ts',
      ),
    ).toEqual(['dynamodb:GetItem']);
  });

  it('fails naming a command it cannot map', () => {
    expect(() => dynamoDbActionsSentBy('new ExecuteStatementCommand({})', 'x.ts')).toThrow(
      'x.ts sends ExecuteStatementCommand, which terraform/test/dynamodb-actions.ts cannot map',
    );
  });

  it('fails when the source sends no command at all', () => {
    expect(() => dynamoDbActionsSentBy('export const nothing = 1;', 'x.ts')).toThrow(
      'x.ts sends no DynamoDB command',
    );
  });
});
