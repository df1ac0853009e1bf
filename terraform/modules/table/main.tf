locals {
  key_schemas = concat(
    [var.hash_key],
    var.range_key == null ? [] : [var.range_key],
    flatten([for index in var.global_secondary_indexes : [index.hash_key, index.range_key]]),
  )
  # Every type each key attribute is used with; DynamoDB wants each declared once, with one type.
  attribute_types = { for key in local.key_schemas : key.name => key.type... if key != null }
}

resource "aws_dynamodb_table" "this" {
  name                        = var.name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = var.hash_key.name
  range_key                   = var.range_key == null ? null : var.range_key.name
  deletion_protection_enabled = var.deletion_protection

  dynamic "attribute" {
    for_each = local.attribute_types
    content {
      name = attribute.key
      type = attribute.value[0]
    }
  }

  dynamic "global_secondary_index" {
    for_each = var.global_secondary_indexes
    content {
      name            = global_secondary_index.value.name
      hash_key        = global_secondary_index.value.hash_key.name
      range_key       = global_secondary_index.value.range_key == null ? null : global_secondary_index.value.range_key.name
      projection_type = global_secondary_index.value.projection_type
    }
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }

  lifecycle {
    precondition {
      condition     = alltrue([for types in values(local.attribute_types) : length(distinct(types)) == 1])
      error_message = "A key attribute is used with more than one type: ${jsonencode({ for name, types in local.attribute_types : name => distinct(types) if length(distinct(types)) > 1 })}."
    }
  }
}
