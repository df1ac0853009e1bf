# The whole stack, planned with a mocked provider: defaults, wiring between the modules, outputs
# and the root variables' validations. Each module's resources are asserted in its own file.

mock_provider "aws" {
  override_during = plan
  source          = "./tests/mocks"
}

run "plans_the_stack_with_its_defaults" {
  command = plan

  assert {
    condition     = var.aws_profile == "demo-user"
    error_message = "The provider must default to the demo-user profile."
  }

  assert {
    condition     = var.lambda_runtime == "nodejs22.x" && var.lambda_architecture == "x86_64"
    error_message = "The functions must default to nodejs22.x on x86_64."
  }

  assert {
    condition     = var.table_deletion_protection
    error_message = "Deletion protection must be on unless turned off explicitly."
  }

  assert {
    condition     = endswith(local.layer_zip_path, "/layer-dist/layer.zip")
    error_message = "The layer must come from layer-dist/layer.zip, where `npm run build` writes it."
  }

  assert {
    condition     = endswith(local.users_function_zip_path, "/layer-dist/functions/sample-api.zip")
    error_message = "The sample function must come from layer-dist/functions/sample-api.zip, where `npm run build` writes it."
  }

  assert {
    condition     = endswith(local.users_route_manifest_path, "/layer-dist/functions/sample-api/routes.json")
    error_message = "The routes must come from layer-dist/functions/sample-api/routes.json, which `npm run build` writes from the decorators."
  }

  assert {
    condition     = module.http_api.route_keys == sort([for route in jsondecode(file(local.users_route_manifest_path)).routes : route.routeKey])
    error_message = "The API must route exactly the routes of the manifest, which the build reads from the decorators."
  }

  assert {
    condition = jsonencode(module.http_api.protected_routes) == jsonencode({
      for route in jsondecode(file(local.users_route_manifest_path)).routes : route.routeKey => route.scopes if route.authorizationType == "JWT"
    })
    error_message = "Exactly the manifest's JWT routes must be behind the authorizer, with their scopes; the others stay public."
  }

  assert {
    condition     = tolist(module.http_api.protected_routes["PATCH /users/{id}"]) == tolist(["users/write"]) && tolist(module.http_api.protected_routes["DELETE /users/{id}"]) == tolist(["users/write"]) && !contains(keys(module.http_api.protected_routes), "POST /users")
    error_message = "Changing and deleting users must need users/write; signing up must stay public."
  }

  assert {
    condition     = jsonencode(local.jwt_authorizer) == jsonencode({ issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123", audience = ["4example0client0id0abcdefg"] })
    error_message = "By default the authorizer must trust the stack's own user pool and its app client."
  }

  assert {
    condition     = output.token_endpoint == "https://lambda-controllers-123456789012.auth.eu-west-1.amazoncognito.com/oauth2/token"
    error_message = "token_endpoint must be the hosted domain's /oauth2/token, on <name_prefix>-<account id>."
  }

  assert {
    condition     = output.client_id == "4example0client0id0abcdefg" && output.user_pool_id == "eu-west-1_AbCdEf123"
    error_message = "client_id and user_pool_id must name the stack's app client and pool."
  }

  assert {
    condition     = module.user_pool[0].scopes == tolist(["users/write"])
    error_message = "The resource server must offer the scope users/write."
  }

  assert {
    condition     = local.users_function_environment == { TABLE_NAME = "lambda-controllers-users" }
    error_message = "The function's only environment variable must be TABLE_NAME, naming the users table."
  }

  assert {
    condition = local.users_function_policy_statements == [
      {
        sid       = "UsersTableItems"
        actions   = ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]
        resources = ["arn:aws:dynamodb:eu-west-1:123456789012:table/lambda-controllers-users"]
      },
      {
        sid       = "UsersByCreatedIndexQuery"
        actions   = ["dynamodb:Query"]
        resources = ["arn:aws:dynamodb:eu-west-1:123456789012:table/lambda-controllers-users/index/by-created"]
      },
    ]
    error_message = "The function must get DeleteItem, GetItem, PutItem and UpdateItem on the table and Query on the by-created index, nothing else."
  }

  assert {
    condition     = output.api_url == "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"
    error_message = "api_url must be the $default stage's URL without a trailing slash."
  }

  assert {
    condition     = output.table_name == "lambda-controllers-users"
    error_message = "table_name must follow the table definition's pattern {prefix}-users."
  }

  assert {
    condition     = output.function_name == "lambda-controllers-users"
    error_message = "function_name must be <name_prefix>-users."
  }

  assert {
    condition     = output.layer_arn == "arn:aws:lambda:eu-west-1:123456789012:layer:lambda-controllers-layer:1"
    error_message = "layer_arn must be the versioned ARN of the layer."
  }
}

run "trusts_an_existing_issuer_instead_of_creating_a_user_pool" {
  command = plan

  variables {
    jwt_issuer   = "https://login.example.com/"
    jwt_audience = ["users-api"]
  }

  assert {
    condition     = length(module.user_pool) == 0
    error_message = "With jwt_issuer the stack must not create a user pool."
  }

  assert {
    condition     = jsonencode(local.jwt_authorizer) == jsonencode({ issuer = "https://login.example.com/", audience = ["users-api"] })
    error_message = "The authorizer must trust the given issuer and audience."
  }

  assert {
    condition     = output.token_endpoint == null && output.client_id == null
    error_message = "Without its own pool the stack has no token endpoint or client to output."
  }
}

run "refuses_an_issuer_without_an_audience" {
  command = plan

  variables {
    jwt_issuer = "https://login.example.com/"
  }

  expect_failures = [var.jwt_audience]
}

run "names_everything_after_name_prefix" {
  command = plan

  variables {
    name_prefix = "demo"
  }

  assert {
    condition     = output.table_name == "demo-users" && output.function_name == "demo-users"
    error_message = "The table and the function must be named <name_prefix>-users."
  }

  assert {
    condition     = local.users_function_environment.TABLE_NAME == output.table_name
    error_message = "TABLE_NAME must follow the table's name."
  }
}

run "refuses_an_unsupported_runtime" {
  command = plan

  variables {
    lambda_runtime = "nodejs20.x"
  }

  expect_failures = [var.lambda_runtime]
}

run "refuses_an_unknown_architecture" {
  command = plan

  variables {
    lambda_architecture = "arm"
  }

  expect_failures = [var.lambda_architecture]
}

run "refuses_a_retention_cloudwatch_does_not_offer" {
  command = plan

  variables {
    log_retention_in_days = 10
  }

  expect_failures = [var.log_retention_in_days]
}

run "refuses_a_name_prefix_that_breaks_resource_names" {
  command = plan

  variables {
    name_prefix = "Lambda_Controllers"
  }

  expect_failures = [var.name_prefix]
}

run "refuses_a_malformed_region" {
  command = plan

  variables {
    aws_region = "Europe"
  }

  expect_failures = [var.aws_region]
}

run "refuses_zero_throttling" {
  command = plan

  variables {
    api_throttling_rate_limit = 0
  }

  expect_failures = [var.api_throttling_rate_limit]
}
