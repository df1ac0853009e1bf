output "api_url" {
  description = "Base URL of the HTTP API, for example: curl \"$(terraform output -raw api_url)/users\"."
  value       = module.http_api.url
}

output "table_name" {
  description = "Name of the users table (the functions' TABLE_NAME)."
  value       = module.users_table.name
}

output "function_name" {
  description = "Name of the sample users function."
  value       = module.users_function.function_name
}

output "layer_arn" {
  description = "Versioned ARN of the lambda-controllers layer: list it in `layer_arns` of every function that uses main.handler."
  value       = module.layer.arn
}

output "streaming_url" {
  description = "Function URL of the users function, streaming and IAM-signed: for GET /users/export, for example with `curl --aws-sigv4 \"aws:amz:<region>:lambda\" -N \"$(terraform output -raw streaming_url)users/export\"`."
  value       = module.users_function.streaming_url
}
