output "api_id" {
  description = "ID of the HTTP API."
  value       = aws_apigatewayv2_api.this.id
}

output "execution_arn" {
  description = "Execution ARN of the HTTP API, for Lambda permissions (append /<stage>/<route>)."
  value       = aws_apigatewayv2_api.this.execution_arn
}

output "url" {
  description = "Base URL of the $default stage, without a trailing slash: append /users."
  value       = trimsuffix(aws_apigatewayv2_stage.default.invoke_url, "/")
}

output "route_keys" {
  description = "Route keys the API serves."
  value       = sort(keys(aws_apigatewayv2_route.this))
}

output "access_log_group_name" {
  description = "Name of the CloudWatch log group holding the access logs."
  value       = aws_cloudwatch_log_group.access.name
}

output "protected_routes" {
  description = "Route key => authorization scopes of the routes behind the JWT authorizer."
  value = {
    for route_key, route in local.routes : route_key => route.scopes if route.authorization_type == "JWT"
  }
}

output "authorizer_id" {
  description = "ID of the JWT authorizer, or null without one."
  value       = var.jwt_authorizer == null ? null : aws_apigatewayv2_authorizer.jwt[0].id
}
