locals {
  repository_root         = "${path.root}/.."
  layer_zip_path          = coalesce(var.layer_zip_path, "${local.repository_root}/layer-dist/layer.zip")
  users_function_zip_path = coalesce(var.users_function_zip_path, "${local.repository_root}/layer-dist/functions/sample-api.zip")

  users_route_manifest_path = coalesce(var.users_route_manifest_path, "${local.repository_root}/layer-dist/functions/sample-api/routes.json")

  # The routes `npm run build` read from the function's decorators, each with what it requires:
  # adding a route or protecting one changes this file, never the Terraform.
  users_routes = [
    for route in jsondecode(file(local.users_route_manifest_path)).routes : {
      route_key          = route.routeKey
      authorization_type = route.authorizationType
      scopes             = route.scopes
    }
  ]

  # The stack's own Cognito user pool, unless the variables name another issuer.
  own_user_pool = var.jwt_issuer == null
  jwt_authorizer = {
    issuer   = local.own_user_pool ? module.user_pool[0].issuer : var.jwt_issuer
    audience = local.own_user_pool ? [module.user_pool[0].client_id] : var.jwt_audience
  }

  users_function_environment = {
    TABLE_NAME = module.users_table.name
  }

  # Exactly what sample-api/users/user-repository.ts sends (terraform/test derives the same set
  # from its commands). TransactWriteItems has no IAM action of its own: each Put in the
  # transaction is authorized as dynamodb:PutItem (a ConditionCheck would need
  # dynamodb:ConditionCheckItem, an Update dynamodb:UpdateItem, a Delete dynamodb:DeleteItem), see
  # https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html.
  # Query on an index is authorized on the index ARN (<table ARN>/index/<name>), see
  # https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/iam-policy-specific-table-indexes.html.
  users_function_policy_statements = [
    {
      sid       = "UsersTableItems"
      actions   = ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]
      resources = [module.users_table.arn]
    },
    {
      sid       = "UsersByCreatedIndexQuery"
      actions   = ["dynamodb:Query"]
      resources = [module.users_table.index_arns["by-created"]]
    },
  ]
}

module "layer" {
  source = "./modules/layer"

  name                = "${var.name_prefix}-layer"
  zip_path            = local.layer_zip_path
  compatible_runtimes = [var.lambda_runtime]
  # Pure JavaScript (no native addons), so one zip serves both instruction sets.
  compatible_architectures = ["x86_64", "arm64"]
}

# Keys and index as in sample-api/db/table-definition.ts (terraform/test compares them).
module "users_table" {
  source = "./modules/table"

  name     = "${var.name_prefix}-users"
  hash_key = { name = "pk", type = "S" }
  global_secondary_indexes = [
    {
      name            = "by-created"
      hash_key        = { name = "gsi1pk", type = "S" }
      range_key       = { name = "gsi1sk", type = "S" }
      projection_type = "ALL"
    },
  ]
  deletion_protection = var.table_deletion_protection
  kms_key_arn         = var.table_kms_key_arn
}

module "users_function" {
  source = "./modules/function"

  function_name          = "${var.name_prefix}-users"
  description            = "Sample users API: routes.js on the lambda-controllers layer"
  zip_path               = local.users_function_zip_path
  runtime                = var.lambda_runtime
  architecture           = var.lambda_architecture
  layer_arns             = [module.layer.arn]
  log_retention_in_days  = var.log_retention_in_days
  http_api_execution_arn = module.http_api.execution_arn
  environment            = local.users_function_environment
  policy_statements      = local.users_function_policy_statements
  # GET /users/export streams its NDJSON through this URL.
  streaming_url = true
}

module "http_api" {
  source = "./modules/http-api"

  name                   = "${var.name_prefix}-http-api"
  description            = "lambda-controllers sample users API"
  throttling_rate_limit  = var.api_throttling_rate_limit
  throttling_burst_limit = var.api_throttling_burst_limit
  log_retention_in_days  = var.log_retention_in_days
  integrations = {
    users = {
      invoke_arn = module.users_function.invoke_arn
      routes     = local.users_routes
    }
  }
  jwt_authorizer = local.jwt_authorizer
}

module "user_pool" {
  source = "./modules/user-pool"
  count  = local.own_user_pool ? 1 : 0

  name          = "${var.name_prefix}-users"
  domain_prefix = coalesce(var.cognito_domain_prefix, "${var.name_prefix}-${data.aws_caller_identity.current.account_id}")
}

data "aws_caller_identity" "current" {}
