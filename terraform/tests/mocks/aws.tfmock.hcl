# Realistic values for the attributes the provider computes, so that plans under `terraform test`
# carry well-formed ARNs (the provider validates them) and assertions can compare exact strings.

mock_resource "aws_lambda_layer_version" {
  defaults = {
    arn       = "arn:aws:lambda:eu-west-1:123456789012:layer:lambda-controllers-layer:1"
    layer_arn = "arn:aws:lambda:eu-west-1:123456789012:layer:lambda-controllers-layer"
    version   = "1"
  }
}

mock_resource "aws_lambda_function" {
  defaults = {
    arn        = "arn:aws:lambda:eu-west-1:123456789012:function:lambda-controllers-users"
    invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:lambda-controllers-users/invocations"
  }
}

mock_resource "aws_iam_role" {
  defaults = {
    arn = "arn:aws:iam::123456789012:role/lambda-controllers-users-role"
  }
}

mock_resource "aws_cloudwatch_log_group" {
  defaults = {
    arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/lambda-controllers-users"
  }
}

mock_resource "aws_dynamodb_table" {
  defaults = {
    arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/lambda-controllers-users"
  }
}

mock_resource "aws_apigatewayv2_api" {
  defaults = {
    id            = "a1b2c3d4e5"
    api_endpoint  = "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"
    execution_arn = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5"
  }
}

mock_resource "aws_apigatewayv2_integration" {
  defaults = {
    id = "int0001"
  }
}

mock_resource "aws_apigatewayv2_stage" {
  defaults = {
    invoke_url = "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/"
  }
}

mock_resource "aws_apigatewayv2_authorizer" {
  defaults = {
    id = "auth001"
  }
}

mock_resource "aws_cognito_user_pool" {
  defaults = {
    id       = "eu-west-1_AbCdEf123"
    arn      = "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123"
    endpoint = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123"
  }
}

mock_resource "aws_cognito_user_pool_client" {
  defaults = {
    id            = "4example0client0id0abcdefg"
    client_secret = "mock-client-secret"
  }
}

mock_resource "aws_cognito_resource_server" {
  defaults = {
    scope_identifiers = ["users/write"]
  }
}

mock_data "aws_caller_identity" {
  defaults = {
    account_id = "123456789012"
  }
}

mock_data "aws_region" {
  defaults = {
    name = "eu-west-1"
  }
}
