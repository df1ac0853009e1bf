# modules/table on its own, with the users table's keys (sample-api/db/table-definition.ts).

mock_provider "aws" {
  override_during = plan
  source          = "./tests/mocks"
}

variables {
  name     = "lambda-controllers-users"
  hash_key = { name = "pk", type = "S" }
  global_secondary_indexes = [
    {
      name            = "by-created"
      hash_key        = { name = "gsi1pk", type = "S" }
      range_key       = { name = "gsi1sk", type = "S" }
      projection_type = "ALL"
    },
  ]
}

run "creates_an_on_demand_table_with_the_definition_keys" {
  command = plan

  module {
    source = "./modules/table"
  }

  assert {
    condition     = aws_dynamodb_table.this.billing_mode == "PAY_PER_REQUEST"
    error_message = "The table must bill on demand."
  }

  assert {
    condition     = aws_dynamodb_table.this.hash_key == "pk" && aws_dynamodb_table.this.range_key == null
    error_message = "The table must be keyed by pk alone."
  }

  assert {
    condition     = { for attribute in aws_dynamodb_table.this.attribute : attribute.name => attribute.type } == { pk = "S", gsi1pk = "S", gsi1sk = "S" }
    error_message = "The table must declare exactly pk, gsi1pk and gsi1sk, all strings."
  }

  assert {
    condition = [for index in aws_dynamodb_table.this.global_secondary_index : {
      name            = index.name
      hash_key        = index.hash_key
      range_key       = index.range_key
      projection_type = index.projection_type
      }] == [{
      name            = "by-created"
      hash_key        = "gsi1pk"
      range_key       = "gsi1sk"
      projection_type = "ALL"
    }]
    error_message = "The table must have exactly the index by-created on gsi1pk/gsi1sk projecting ALL."
  }

  assert {
    condition     = output.index_arns == { "by-created" = "arn:aws:dynamodb:eu-west-1:123456789012:table/lambda-controllers-users/index/by-created" }
    error_message = "index_arns must give each index's ARN, the resource for Query."
  }
}

run "protects_and_encrypts_the_data" {
  command = plan

  module {
    source = "./modules/table"
  }

  assert {
    condition     = aws_dynamodb_table.this.point_in_time_recovery[0].enabled
    error_message = "Point-in-time recovery must be on."
  }

  assert {
    condition     = aws_dynamodb_table.this.server_side_encryption[0].enabled
    error_message = "Server-side encryption with KMS must be on."
  }

  assert {
    condition     = aws_dynamodb_table.this.deletion_protection_enabled
    error_message = "Deletion protection must default to on."
  }
}

run "turns_deletion_protection_off_when_asked" {
  command = plan

  module {
    source = "./modules/table"
  }

  variables {
    deletion_protection = false
  }

  assert {
    condition     = !aws_dynamodb_table.this.deletion_protection_enabled
    error_message = "deletion_protection = false must turn the protection off."
  }
}

run "uses_a_customer_managed_key_when_given" {
  command = plan

  module {
    source = "./modules/table"
  }

  variables {
    kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000"
  }

  assert {
    condition     = aws_dynamodb_table.this.server_side_encryption[0].kms_key_arn == "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000"
    error_message = "The table must be encrypted with the given key."
  }
}

run "refuses_an_attribute_with_two_types" {
  command = plan

  module {
    source = "./modules/table"
  }

  variables {
    global_secondary_indexes = [
      {
        name            = "by-pk-number"
        hash_key        = { name = "pk", type = "N" }
        projection_type = "KEYS_ONLY"
      },
    ]
  }

  expect_failures = [aws_dynamodb_table.this]
}
