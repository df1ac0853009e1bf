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

output "token_endpoint" {
  description = "Where a client gets an access token with the client-credentials grant (the stack's own user pool; null with jwt_issuer)."
  value       = local.own_user_pool ? module.user_pool[0].token_endpoint : null
}

output "client_id" {
  description = "The id of the app client that gets tokens for the protected routes (null with jwt_issuer). Its secret is not an output: read it with `aws cognito-idp describe-user-pool-client`."
  value       = local.own_user_pool ? module.user_pool[0].client_id : null
}

output "user_pool_id" {
  description = "The stack's Cognito user pool (null with jwt_issuer)."
  value       = local.own_user_pool ? module.user_pool[0].user_pool_id : null
}

output "streaming_url" {
  description = "Function URL of the users function, streaming and IAM-signed: for GET /users/export, for example with `curl --aws-sigv4 \"aws:amz:<region>:lambda\" -N \"$(terraform output -raw streaming_url)users/export\"`."
  value       = module.users_function.streaming_url
}
