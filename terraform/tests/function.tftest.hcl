# modules/function on its own, with the inputs the root passes for the sample users function.

mock_provider "aws" {
  override_during = plan
  source          = "./tests/mocks"
}

variables {
  function_name          = "lambda-controllers-users"
  zip_path               = "../layer-dist/functions/sample-api.zip"
  layer_arns             = ["arn:aws:lambda:eu-west-1:123456789012:layer:lambda-controllers-layer:1"]
  http_api_execution_arn = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5"
  log_retention_in_days  = 30
  environment = {
    TABLE_NAME = "lambda-controllers-users"
  }
  policy_statements = [
    {
      sid       = "UsersTableItems"
      actions   = ["dynamodb:GetItem", "dynamodb:PutItem"]
      resources = ["arn:aws:dynamodb:eu-west-1:123456789012:table/lambda-controllers-users"]
    },
    {
      sid       = "UsersByCreatedIndexQuery"
      actions   = ["dynamodb:Query"]
      resources = ["arn:aws:dynamodb:eu-west-1:123456789012:table/lambda-controllers-users/index/by-created"]
    },
  ]
}

run "configures_the_function_for_the_layer" {
  command = plan

  module {
    source = "./modules/function"
  }

  assert {
    condition     = aws_lambda_function.this.handler == "main.handler"
    error_message = "The handler must be main.handler, the layer's entry point."
  }

  assert {
    condition     = aws_lambda_function.this.runtime == "nodejs22.x"
    error_message = "The runtime must default to nodejs22.x."
  }

  assert {
    condition     = aws_lambda_function.this.architectures == tolist(["x86_64"])
    error_message = "The architecture must default to x86_64."
  }

  assert {
    condition     = aws_lambda_function.this.memory_size == 512
    error_message = "Memory must be 512 MB."
  }

  assert {
    condition     = aws_lambda_function.this.timeout == 30
    error_message = "The timeout must be 30 s."
  }

  assert {
    condition     = aws_lambda_function.this.layers == tolist(["arn:aws:lambda:eu-west-1:123456789012:layer:lambda-controllers-layer:1"])
    error_message = "The function must attach exactly the given layer version."
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables == tomap({ TABLE_NAME = "lambda-controllers-users" })
    error_message = "The environment must hold exactly TABLE_NAME."
  }

  assert {
    condition     = aws_lambda_function.this.filename == "../layer-dist/functions/sample-api.zip"
    error_message = "The function code must be the given zip."
  }

  assert {
    condition     = aws_lambda_function.this.source_code_hash == filebase64sha256("../layer-dist/functions/sample-api.zip")
    error_message = "source_code_hash must be the zip's SHA-256, so that a rebuilt zip redeploys and an unchanged one does not."
  }

  assert {
    condition     = aws_lambda_function.this.role == aws_iam_role.this.arn
    error_message = "The function must run with its own role."
  }

  assert {
    condition     = aws_lambda_function.this.logging_config[0].log_group == "/aws/lambda/lambda-controllers-users"
    error_message = "The function must log to its own log group."
  }
}

run "keeps_logs_in_its_own_log_group_with_retention" {
  command = plan

  module {
    source = "./modules/function"
  }

  assert {
    condition     = aws_cloudwatch_log_group.this.name == "/aws/lambda/lambda-controllers-users"
    error_message = "The log group must be /aws/lambda/<function_name>."
  }

  assert {
    condition     = aws_cloudwatch_log_group.this.retention_in_days == 30
    error_message = "The log group must keep logs for log_retention_in_days."
  }
}

run "grants_exactly_the_given_data_actions_and_its_own_logs" {
  command = plan

  module {
    source = "./modules/function"
  }

  assert {
    condition = jsondecode(aws_iam_role.this.assume_role_policy).Statement == [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
    error_message = "Only the Lambda service may assume the role."
  }

  assert {
    condition = jsondecode(aws_iam_role_policy.this.policy).Statement == [
      {
        Sid      = "WriteOwnLogGroup"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = ["arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/lambda-controllers-users:*"]
      },
      {
        Sid      = "UsersTableItems"
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem", "dynamodb:PutItem"]
        Resource = ["arn:aws:dynamodb:eu-west-1:123456789012:table/lambda-controllers-users"]
      },
      {
        Sid      = "UsersByCreatedIndexQuery"
        Effect   = "Allow"
        Action   = ["dynamodb:Query"]
        Resource = ["arn:aws:dynamodb:eu-west-1:123456789012:table/lambda-controllers-users/index/by-created"]
      },
    ]
    error_message = "The role policy must hold exactly: logs to its own log group, GetItem/PutItem on the table, Query on the index."
  }

  assert {
    condition = alltrue(flatten([
      for statement in jsondecode(aws_iam_role_policy.this.policy).Statement : [
        for action in statement.Action : action != "*" && !endswith(action, ":*")
      ]
    ]))
    error_message = "No action may be a wildcard."
  }

  assert {
    condition = alltrue(flatten([
      for statement in jsondecode(aws_iam_role_policy.this.policy).Statement : [
        for resource in statement.Resource : resource != "*" && (startswith(statement.Sid, "WriteOwnLogGroup") || !strcontains(resource, "*"))
      ]
    ]))
    error_message = "No data-access resource may contain a wildcard."
  }
}

run "lets_only_its_http_api_invoke_it" {
  command = plan

  module {
    source = "./modules/function"
  }

  assert {
    condition     = aws_lambda_permission.http_api.principal == "apigateway.amazonaws.com"
    error_message = "The permission must be for API Gateway."
  }

  assert {
    condition     = aws_lambda_permission.http_api.action == "lambda:InvokeFunction"
    error_message = "The permission must grant lambda:InvokeFunction only."
  }

  assert {
    condition     = aws_lambda_permission.http_api.source_arn == "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/*/*"
    error_message = "The permission must be limited to the given API's execution ARN."
  }

  assert {
    condition     = aws_lambda_permission.http_api.function_name == "lambda-controllers-users"
    error_message = "The permission must be on this function."
  }
}

run "runs_on_arm64_when_asked" {
  command = plan

  module {
    source = "./modules/function"
  }

  variables {
    architecture = "arm64"
  }

  assert {
    condition     = aws_lambda_function.this.architectures == tolist(["arm64"])
    error_message = "architecture = arm64 must give an arm64 function."
  }
}

run "omits_the_environment_block_when_there_are_no_variables" {
  command = plan

  module {
    source = "./modules/function"
  }

  variables {
    environment = {}
  }

  assert {
    condition     = length(aws_lambda_function.this.environment) == 0
    error_message = "An empty environment must not create an environment block."
  }
}

run "refuses_a_wildcard_action" {
  command = plan

  module {
    source = "./modules/function"
  }

  variables {
    policy_statements = [{
      sid       = "TooBroad"
      actions   = ["dynamodb:*"]
      resources = ["arn:aws:dynamodb:eu-west-1:123456789012:table/lambda-controllers-users"]
    }]
  }

  expect_failures = [var.policy_statements]
}

run "refuses_a_wildcard_resource" {
  command = plan

  module {
    source = "./modules/function"
  }

  variables {
    policy_statements = [{
      sid       = "TooBroad"
      actions   = ["dynamodb:Query"]
      resources = ["arn:aws:dynamodb:eu-west-1:123456789012:table/lambda-controllers-users/index/*"]
    }]
  }

  expect_failures = [var.policy_statements]
}

run "refuses_a_statement_id_used_twice" {
  command = plan

  module {
    source = "./modules/function"
  }

  variables {
    policy_statements = [
      {
        sid       = "WriteOwnLogGroup"
        actions   = ["dynamodb:GetItem"]
        resources = ["arn:aws:dynamodb:eu-west-1:123456789012:table/lambda-controllers-users"]
      },
    ]
  }

  expect_failures = [var.policy_statements]
}

run "refuses_a_timeout_beyond_the_http_api_limit" {
  command = plan

  module {
    source = "./modules/function"
  }

  variables {
    timeout = 60
  }

  expect_failures = [var.timeout]
}

run "refuses_a_missing_zip" {
  command = plan

  module {
    source = "./modules/function"
  }

  variables {
    zip_path = "../layer-dist/functions/does-not-exist.zip"
  }

  expect_failures = [var.zip_path]
}

run "streams_through_an_iam_function_url_when_asked" {
  command = plan

  module {
    source = "./modules/function"
  }

  variables {
    streaming_url = true
  }

  assert {
    condition     = aws_lambda_function_url.streaming[0].invoke_mode == "RESPONSE_STREAM"
    error_message = "The function URL must stream responses (invoke_mode RESPONSE_STREAM)."
  }

  assert {
    condition     = aws_lambda_function_url.streaming[0].authorization_type == "AWS_IAM"
    error_message = "The function URL must require IAM-signed requests."
  }

  assert {
    condition     = aws_lambda_function.this.environment[0].variables == tomap({ TABLE_NAME = "lambda-controllers-users", LAMBDA_CONTROLLERS_STREAM = "1" })
    error_message = "A streaming function must get LAMBDA_CONTROLLERS_STREAM=1 beside its own variables."
  }

  assert {
    condition     = aws_lambda_function.this.handler == "main.handler"
    error_message = "Streaming keeps the handler string main.handler."
  }
}

run "has_no_function_url_by_default" {
  command = plan

  module {
    source = "./modules/function"
  }

  assert {
    condition     = length(aws_lambda_function_url.streaming) == 0
    error_message = "Without streaming_url there must be no function URL."
  }
}
