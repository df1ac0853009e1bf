variable "name" {
  description = "Name of the DynamoDB table."
  type        = string
}

variable "hash_key" {
  description = "Partition key of the table: attribute name and type (S, N or B)."
  type = object({
    name = string
    type = string
  })

  validation {
    condition     = contains(["S", "N", "B"], var.hash_key.type)
    error_message = "hash_key.type must be S, N or B."
  }
}

variable "range_key" {
  description = "Sort key of the table, or null for a table keyed by the partition key alone."
  type = object({
    name = string
    type = string
  })
  default = null

  validation {
    condition     = var.range_key == null || contains(["S", "N", "B"], try(var.range_key.type, ""))
    error_message = "range_key.type must be S, N or B."
  }
}

variable "global_secondary_indexes" {
  description = "Global secondary indexes: name, partition key, optional sort key and projection (ALL or KEYS_ONLY). On-demand billing applies to them too."
  type = list(object({
    name            = string
    hash_key        = object({ name = string, type = string })
    range_key       = optional(object({ name = string, type = string }))
    projection_type = string
  }))
  default = []

  validation {
    condition = alltrue([
      for index in var.global_secondary_indexes :
      contains(["S", "N", "B"], index.hash_key.type) && (index.range_key == null || contains(["S", "N", "B"], try(index.range_key.type, "")))
    ])
    error_message = "Index key types must be S, N or B."
  }

  validation {
    condition     = alltrue([for index in var.global_secondary_indexes : contains(["ALL", "KEYS_ONLY"], index.projection_type)])
    error_message = "projection_type must be ALL or KEYS_ONLY (INCLUDE would need non_key_attributes, which this module does not take)."
  }
}

variable "deletion_protection" {
  description = "Refuse DeleteTable while true, including from `terraform destroy`."
  type        = bool
  default     = true
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for encryption at rest; null uses the AWS managed key aws/dynamodb."
  type        = string
  default     = null
}
