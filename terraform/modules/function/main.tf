locals {
  log_group_name = "/aws/lambda/${var.function_name}"
  # Lambda picks the invoke mode from the handler it loads: main.handler reads this at init.
  environment = merge(var.environment, var.streaming_url ? { LAMBDA_CONTROLLERS_STREAM = "1" } : {})
}

# Created here rather than by Lambda on first invocation, so that the retention applies and the
# role's logs permissions can name this one log group.
resource "aws_cloudwatch_log_group" "this" {
  name              = local.log_group_name
  retention_in_days = var.log_retention_in_days
}

resource "aws_iam_role" "this" {
  name        = "${var.function_name}-role"
  description = "Execution role of the ${var.function_name} function"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

# jsonencode rather than the aws_iam_policy_document data source: the policy is then known at plan
# time, and `terraform test` asserts on its exact actions and resources.
resource "aws_iam_role_policy" "this" {
  name = "access"
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [{
        Sid      = "WriteOwnLogGroup"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = ["${aws_cloudwatch_log_group.this.arn}:*"]
      }],
      [for statement in var.policy_statements : {
        Sid      = statement.sid
        Effect   = "Allow"
        Action   = statement.actions
        Resource = statement.resources
      }],
    )
  })
}

resource "aws_lambda_function" "this" {
  function_name    = var.function_name
  description      = var.description
  role             = aws_iam_role.this.arn
  filename         = var.zip_path
  source_code_hash = filebase64sha256(var.zip_path)
  handler          = var.handler
  runtime          = var.runtime
  architectures    = [var.architecture]
  memory_size      = var.memory_size
  timeout          = var.timeout
  layers           = var.layer_arns

  dynamic "environment" {
    for_each = length(local.environment) > 0 ? [local.environment] : []
    content {
      variables = environment.value
    }
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.this.name
  }

  # The log group must exist before the first invocation (or Lambda would create one without
  # retention), and the role must carry its policy before the function can run.
  depends_on = [
    aws_cloudwatch_log_group.this,
    aws_iam_role_policy.this,
  ]
}

resource "aws_lambda_permission" "http_api" {
  statement_id  = "AllowInvokeFromHttpApi"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this.function_name
  principal     = "apigateway.amazonaws.com"
  # Any stage and route of this one API; the routes themselves are defined on the API.
  source_arn = "${var.http_api_execution_arn}/*/*"
}

# Streams past the 6 MB buffered limit, first bytes early. AWS_IAM: only signed callers (an IAM
# principal allowed lambda:InvokeFunctionUrl) reach it; the HTTP API stays the public entry.
resource "aws_lambda_function_url" "streaming" {
  count              = var.streaming_url ? 1 : 0
  function_name      = aws_lambda_function.this.function_name
  invoke_mode        = "RESPONSE_STREAM"
  authorization_type = "AWS_IAM"
}
