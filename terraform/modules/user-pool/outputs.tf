output "user_pool_id" {
  description = "ID of the user pool."
  value       = aws_cognito_user_pool.this.id
}

output "issuer" {
  description = "The iss of the pool's tokens, which the JWT authorizer expects."
  value       = "https://${aws_cognito_user_pool.this.endpoint}"
}

output "token_endpoint" {
  description = "Where a client exchanges its id and secret for an access token (client-credentials grant)."
  value       = "https://${aws_cognito_user_pool_domain.this.domain}.auth.${data.aws_region.current.name}.amazoncognito.com/oauth2/token"
}

output "client_id" {
  description = "The app client's id: the audience the JWT authorizer accepts (Cognito access tokens carry it as client_id)."
  value       = aws_cognito_user_pool_client.this.id
}

output "client_secret" {
  description = "The app client's secret."
  value       = aws_cognito_user_pool_client.this.client_secret
  sensitive   = true
}

output "scopes" {
  description = "The scopes of the resource server, as tokens carry them (\"users/write\")."
  value       = aws_cognito_resource_server.this.scope_identifiers
}
