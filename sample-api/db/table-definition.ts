/**
 * The users table, defined once. DynamoDB Local setup creates the table from this, and the
 * Terraform checks compare `terraform/modules/table` against it, so the three cannot drift.
 *
 * One table holds two kinds of item, told apart by the prefix of `pk`:
 * - `USER#<id>`: the user; it also carries `gsi1pk = "USER"` and `gsi1sk = "<createdAt>#<id>"`;
 * - `EMAIL#<email>`: the uniqueness marker written in the same transaction as the user.
 * The index `by-created` is sparse (only users carry its keys), so a page of `limit` users reads
 * `limit` index entries, whatever the table's size.
 */
export const usersTable = {
  /** Terraform names the table `${name_prefix}-users`; local runs use `lambda-controllers-users`. */
  namePattern: '{prefix}-users',
  localName: 'lambda-controllers-users',
  billingMode: 'PAY_PER_REQUEST',
  partitionKey: { name: 'pk', type: 'S' },
  globalSecondaryIndexes: [
    {
      name: 'by-created',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
      projection: 'ALL',
    },
  ],
} as const;

export type UsersTableDefinition = typeof usersTable;
