# modules/http-api on its own, with the inputs the root passes for the sample users API.

mock_provider "aws" {
  override_during = plan
  source          = "./tests/mocks"
}

variables {
  name                   = "lambda-controllers-http-api"
  throttling_rate_limit  = 50
  throttling_burst_limit = 100
  log_retention_in_days  = 30
  integrations = {
    users = {
      invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:lambda-controllers-users/invocations"
      routes     = [{ route_key = "GET /users" }, { route_key = "GET /users/{id}" }, { route_key = "POST /users" }]
    }
  }
}

run "creates_an_http_api_with_a_payload_2_lambda_integration" {
  command = plan

  module {
    source = "./modules/http-api"
  }

  assert {
    condition     = aws_apigatewayv2_api.this.protocol_type == "HTTP"
    error_message = "The API must be an HTTP API."
  }

  assert {
    condition     = aws_apigatewayv2_integration.lambda["users"].payload_format_version == "2.0"
    error_message = "The integration must use payload format 2.0 explicitly."
  }

  assert {
    condition     = aws_apigatewayv2_integration.lambda["users"].integration_type == "AWS_PROXY"
    error_message = "The integration must be a Lambda proxy integration."
  }

  assert {
    condition     = aws_apigatewayv2_integration.lambda["users"].integration_method == "POST"
    error_message = "Lambda proxy integrations are invoked with POST."
  }

  assert {
    condition     = aws_apigatewayv2_integration.lambda["users"].integration_uri == var.integrations.users.invoke_arn
    error_message = "The integration must invoke the given function."
  }
}

run "routes_exactly_the_given_route_keys_to_the_function" {
  command = plan

  module {
    source = "./modules/http-api"
  }

  assert {
    condition     = sort([for route in aws_apigatewayv2_route.this : route.route_key]) == tolist(["GET /users", "GET /users/{id}", "POST /users"])
    error_message = "The API must have exactly the three users routes."
  }

  assert {
    condition     = alltrue([for route in aws_apigatewayv2_route.this : route.target == "integrations/int0001"])
    error_message = "Every route must target the users function's integration."
  }

  assert {
    condition     = output.route_keys == tolist(["GET /users", "GET /users/{id}", "POST /users"])
    error_message = "The route_keys output must list the routes."
  }
}

run "deploys_a_throttled_default_stage_with_json_access_logs" {
  command = plan

  module {
    source = "./modules/http-api"
  }

  assert {
    condition     = aws_apigatewayv2_stage.default.name == "$default"
    error_message = "The stage must be $default, so URLs carry no stage prefix."
  }

  assert {
    condition     = aws_apigatewayv2_stage.default.auto_deploy
    error_message = "The stage must auto-deploy."
  }

  assert {
    condition     = aws_apigatewayv2_stage.default.default_route_settings[0].throttling_rate_limit == 50
    error_message = "The stage must apply the throttling rate limit."
  }

  assert {
    condition     = aws_apigatewayv2_stage.default.default_route_settings[0].throttling_burst_limit == 100
    error_message = "The stage must apply the throttling burst limit."
  }

  assert {
    condition     = aws_apigatewayv2_stage.default.access_log_settings[0].destination_arn == aws_cloudwatch_log_group.access.arn
    error_message = "Access logs must go to the API's own log group."
  }

  assert {
    condition = alltrue([
      for field in ["requestId", "requestTime", "sourceIp", "httpMethod", "path", "routeKey", "status", "responseLatency", "integrationError"] :
      can(jsondecode(aws_apigatewayv2_stage.default.access_log_settings[0].format)[field])
    ])
    error_message = "The access log format must be a JSON object with request id, time, source IP, method, path, route, status, latency and integration error."
  }

  assert {
    condition     = jsondecode(aws_apigatewayv2_stage.default.access_log_settings[0].format).requestId == "$context.requestId"
    error_message = "The access log must carry the request id."
  }

  assert {
    condition     = aws_cloudwatch_log_group.access.name == "/aws/apigateway/lambda-controllers-http-api"
    error_message = "The access log group must be named after the API."
  }

  assert {
    condition     = aws_cloudwatch_log_group.access.retention_in_days == 30
    error_message = "The access log group must keep logs for log_retention_in_days."
  }

  assert {
    condition     = output.url == "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"
    error_message = "url must be the stage URL without a trailing slash."
  }
}

run "gives_each_function_its_own_integration" {
  command = plan

  module {
    source = "./modules/http-api"
  }

  variables {
    integrations = {
      users = {
        invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:users/invocations"
        routes     = [{ route_key = "GET /users" }]
      }
      orders = {
        invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:orders/invocations"
        routes     = [{ route_key = "GET /orders" }, { route_key = "POST /orders" }]
      }
    }
  }

  assert {
    condition     = length(aws_apigatewayv2_integration.lambda) == 2 && length(aws_apigatewayv2_route.this) == 3
    error_message = "Two functions must give two integrations and their three routes."
  }

  assert {
    condition     = aws_apigatewayv2_integration.lambda["orders"].integration_uri == var.integrations.orders.invoke_arn
    error_message = "The orders integration must invoke the orders function."
  }
}

run "refuses_a_route_key_without_a_method" {
  command = plan

  module {
    source = "./modules/http-api"
  }

  variables {
    integrations = {
      users = {
        invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:users/invocations"
        routes     = [{ route_key = "/users" }]
      }
    }
  }

  expect_failures = [var.integrations]
}

run "refuses_a_route_served_by_two_functions" {
  command = plan

  module {
    source = "./modules/http-api"
  }

  variables {
    integrations = {
      users = {
        invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:users/invocations"
        routes     = [{ route_key = "GET /users" }]
      }
      other = {
        invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:other/invocations"
        routes     = [{ route_key = "GET /users" }]
      }
    }
  }

  expect_failures = [var.integrations]
}

run "puts_the_jwt_authorizer_on_exactly_the_protected_routes_with_their_scopes" {
  command = plan

  module {
    source = "./modules/http-api"
  }

  variables {
    integrations = {
      users = {
        invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:lambda-controllers-users/invocations"
        routes = [
          { route_key = "GET /users" },
          { route_key = "PATCH /users/{id}", authorization_type = "JWT", scopes = ["users/write"] },
          { route_key = "DELETE /users/{id}", authorization_type = "JWT", scopes = ["users/write"] },
          { route_key = "GET /me", authorization_type = "JWT" },
        ]
      }
    }
    jwt_authorizer = {
      issuer   = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123"
      audience = ["client-1"]
    }
  }

  assert {
    condition     = aws_apigatewayv2_authorizer.jwt[0].authorizer_type == "JWT"
    error_message = "The authorizer must be a JWT authorizer."
  }

  assert {
    condition     = aws_apigatewayv2_authorizer.jwt[0].identity_sources == toset(["$request.header.Authorization"])
    error_message = "The authorizer must read the token from the Authorization header."
  }

  assert {
    condition     = aws_apigatewayv2_authorizer.jwt[0].jwt_configuration[0].issuer == "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123"
    error_message = "The authorizer must expect the given issuer."
  }

  assert {
    condition     = aws_apigatewayv2_authorizer.jwt[0].jwt_configuration[0].audience == toset(["client-1"])
    error_message = "The authorizer must accept the given audience."
  }

  assert {
    condition     = aws_apigatewayv2_route.this["PATCH /users/{id}"].authorization_type == "JWT" && aws_apigatewayv2_route.this["PATCH /users/{id}"].authorization_scopes == toset(["users/write"])
    error_message = "PATCH /users/{id} must be behind the JWT authorizer with the scope users/write."
  }

  assert {
    condition     = aws_apigatewayv2_route.this["GET /me"].authorization_type == "JWT" && aws_apigatewayv2_route.this["GET /me"].authorization_scopes == null
    error_message = "A protected route without scopes must need a token and no scope."
  }

  assert {
    condition     = aws_apigatewayv2_route.this["GET /users"].authorization_type == "NONE" && aws_apigatewayv2_route.this["GET /users"].authorizer_id == null && aws_apigatewayv2_route.this["GET /users"].authorization_scopes == null
    error_message = "A public route must have no authorizer and no scopes."
  }

  assert {
    condition     = jsonencode(output.protected_routes) == jsonencode({ "DELETE /users/{id}" = ["users/write"], "GET /me" = [], "PATCH /users/{id}" = ["users/write"] })
    error_message = "protected_routes must list exactly the JWT routes with their scopes."
  }
}

run "refuses_a_protected_route_without_an_authorizer" {
  command = plan

  module {
    source = "./modules/http-api"
  }

  variables {
    integrations = {
      users = {
        invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:users/invocations"
        routes     = [{ route_key = "DELETE /users/{id}", authorization_type = "JWT", scopes = ["users/write"] }]
      }
    }
  }

  expect_failures = [var.integrations]
}

run "refuses_scopes_on_a_public_route" {
  command = plan

  module {
    source = "./modules/http-api"
  }

  variables {
    integrations = {
      users = {
        invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:users/invocations"
        routes     = [{ route_key = "GET /users", scopes = ["users/read"] }]
      }
    }
  }

  expect_failures = [var.integrations]
}

