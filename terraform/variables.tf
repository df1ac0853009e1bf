variable "aws_profile" {
  description = "Named AWS CLI profile the provider uses. Set to null to use the default credential chain (environment variables, SSO, instance role)."
  type        = string
  default     = "demo-user"
}

variable "aws_region" {
  description = "AWS Region to deploy to, for example eu-west-1. Null takes the Region from AWS_REGION or the profile's configuration."
  type        = string
  default     = null

  validation {
    condition     = var.aws_region == null || can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", var.aws_region))
    error_message = "aws_region must look like a Region name, for example eu-west-1."
  }
}

variable "name_prefix" {
  description = "Prefix of every resource name (function, role, layer, API, log groups, table). The users table is named \"<name_prefix>-users\"."
  type        = string
  default     = "lambda-controllers"

  validation {
    # The longest derived name is the function's role, "<name_prefix>-users-role", and IAM role names stop at 64 characters.
    condition     = can(regex("^[a-z][a-z0-9-]{0,38}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 2 to 40 characters of lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen."
  }
}

variable "lambda_runtime" {
  description = "Node.js runtime of the functions and the layer's compatible runtime. nodejs24.x needs hashicorp/aws 6.x (see README)."
  type        = string
  default     = "nodejs22.x"

  validation {
    condition     = contains(["nodejs22.x", "nodejs24.x"], var.lambda_runtime)
    error_message = "lambda_runtime must be nodejs22.x or nodejs24.x."
  }
}

variable "lambda_architecture" {
  description = "Instruction set of the functions: x86_64 or arm64 (Graviton, cheaper per GB-second). The layer is pure JavaScript and declares both."
  type        = string
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.lambda_architecture)
    error_message = "lambda_architecture must be x86_64 or arm64."
  }
}

variable "layer_zip_path" {
  description = "Path of the layer zip written by `npm run build`. Null means <repository>/layer-dist/layer.zip."
  type        = string
  default     = null
}

variable "users_function_zip_path" {
  description = "Path of the sample function's zip (only routes.js and its source map) written by `npm run build`. Null means <repository>/layer-dist/functions/sample-api.zip."
  type        = string
  default     = null
}

variable "log_retention_in_days" {
  description = "Days CloudWatch keeps the functions' logs and the API's access logs."
  type        = number
  default     = 14

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be one of the values CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "api_throttling_rate_limit" {
  description = "Steady-state requests per second the HTTP API's $default stage lets through (per route); above it API Gateway answers 429."
  type        = number
  default     = 50

  validation {
    condition     = var.api_throttling_rate_limit > 0
    error_message = "api_throttling_rate_limit must be greater than 0."
  }
}

variable "api_throttling_burst_limit" {
  description = "Burst of concurrent requests the HTTP API's $default stage allows above the rate limit (per route)."
  type        = number
  default     = 100

  validation {
    condition     = var.api_throttling_burst_limit > 0 && floor(var.api_throttling_burst_limit) == var.api_throttling_burst_limit
    error_message = "api_throttling_burst_limit must be a whole number greater than 0."
  }
}

variable "table_deletion_protection" {
  description = "Protect the users table from deletion. Set to false and apply before `terraform destroy` (see README)."
  type        = bool
  default     = true
}

variable "table_kms_key_arn" {
  description = "ARN of a customer managed KMS key for the table's encryption at rest. Null uses the AWS managed key aws/dynamodb."
  type        = string
  default     = null
}

variable "tags" {
  description = "Extra tags for every resource, merged over the default tags (Project, Stack, ManagedBy)."
  type        = map(string)
  default     = {}
}

variable "users_route_manifest_path" {
  description = "Path of the sample function's route manifest written by `npm run build`. Null means <repository>/layer-dist/functions/sample-api/routes.json."
  type        = string
  default     = null
}

variable "jwt_issuer" {
  description = "Issuer (iss) of the tokens the protected routes accept, for an identity provider you already have (an existing Cognito user pool, Auth0, Okta...). Null creates a Cognito user pool for the stack."
  type        = string
  default     = null

  validation {
    condition     = var.jwt_issuer == null || startswith(coalesce(var.jwt_issuer, "-"), "https://")
    error_message = "jwt_issuer must be an https:// URL."
  }
}

variable "jwt_audience" {
  description = "Audiences (aud, or client_id for Cognito access tokens) the protected routes accept, with jwt_issuer."
  type        = list(string)
  default     = []

  validation {
    condition     = var.jwt_issuer == null || length(var.jwt_audience) > 0
    error_message = "jwt_audience needs at least one audience when jwt_issuer is set."
  }
}

variable "cognito_domain_prefix" {
  description = "Prefix of the stack's Cognito domain (its token endpoint). Null means \"<name_prefix>-<account id>\"."
  type        = string
  default     = null
}
