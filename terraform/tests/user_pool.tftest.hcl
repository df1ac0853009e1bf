# modules/user-pool on its own: the issuer of the protected routes' tokens.

mock_provider "aws" {
  override_during = plan
  source          = "./tests/mocks"
}

variables {
  name          = "lambda-controllers-users"
  domain_prefix = "lambda-controllers-123456789012"
}

run "creates_a_pool_a_resource_server_and_a_client_credentials_client" {
  command = plan

  module {
    source = "./modules/user-pool"
  }

  assert {
    condition     = aws_cognito_user_pool.this.admin_create_user_config[0].allow_admin_create_user_only
    error_message = "Nobody may sign up to the pool on their own."
  }

  assert {
    condition     = aws_cognito_resource_server.this.identifier == "users" && [for scope in aws_cognito_resource_server.this.scope : scope.scope_name] == ["write"]
    error_message = "The resource server must be users with the scope write (users/write in tokens)."
  }

  assert {
    condition     = aws_cognito_user_pool_client.this.generate_secret && aws_cognito_user_pool_client.this.allowed_oauth_flows == toset(["client_credentials"]) && aws_cognito_user_pool_client.this.allowed_oauth_flows_user_pool_client
    error_message = "The app client must have a secret and use the client-credentials flow."
  }

  assert {
    condition     = aws_cognito_user_pool_client.this.allowed_oauth_scopes == toset(["users/write"])
    error_message = "The app client must be allowed the resource server's scopes."
  }

  assert {
    condition     = aws_cognito_user_pool_domain.this.domain == "lambda-controllers-123456789012"
    error_message = "The domain must be the given prefix."
  }

  assert {
    condition     = output.issuer == "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123"
    error_message = "The issuer must be https://<the pool's endpoint>."
  }

  assert {
    condition     = output.token_endpoint == "https://lambda-controllers-123456789012.auth.eu-west-1.amazoncognito.com/oauth2/token"
    error_message = "The token endpoint must be the hosted domain's /oauth2/token."
  }
}

run "keeps_the_client_secret_out_of_plain_outputs" {
  command = plan

  module {
    source = "./modules/user-pool"
  }

  assert {
    condition     = issensitive(output.client_secret)
    error_message = "The client secret must be a sensitive output."
  }
}

run "refuses_a_domain_prefix_cognito_reserves" {
  command = plan

  module {
    source = "./modules/user-pool"
  }

  variables {
    domain_prefix = "my-cognito-api"
  }

  expect_failures = [var.domain_prefix]
}
