# An Amazon Cognito user pool as the issuer of the API's access tokens: a resource server whose
# scopes the protected routes require, and an app client that gets tokens with the OAuth 2.0
# client-credentials grant (machine-to-machine; no user signs in).

data "aws_region" "current" {}

resource "aws_cognito_user_pool" "this" {
  name = var.name

  # Nobody signs up to this pool: its only clients are machines with the client secret.
  admin_create_user_config {
    allow_admin_create_user_only = true
  }
}

# The hosted token endpoint: https://<domain>.auth.<region>.amazoncognito.com/oauth2/token.
resource "aws_cognito_user_pool_domain" "this" {
  domain       = var.domain_prefix
  user_pool_id = aws_cognito_user_pool.this.id
}

# Cognito writes a resource server's scopes as "<identifier>/<scope name>": users/write.
resource "aws_cognito_resource_server" "this" {
  user_pool_id = aws_cognito_user_pool.this.id
  identifier   = var.resource_server_identifier
  name         = var.resource_server_identifier

  dynamic "scope" {
    for_each = var.scopes
    content {
      scope_name        = scope.key
      scope_description = scope.value
    }
  }
}

resource "aws_cognito_user_pool_client" "this" {
  name         = "${var.name}-client"
  user_pool_id = aws_cognito_user_pool.this.id

  generate_secret                      = true
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["client_credentials"]
  allowed_oauth_scopes                 = aws_cognito_resource_server.this.scope_identifiers
  supported_identity_providers         = ["COGNITO"]
  explicit_auth_flows                  = ["ALLOW_REFRESH_TOKEN_AUTH"]
  access_token_validity                = var.access_token_minutes
  token_validity_units {
    access_token = "minutes"
  }
}
