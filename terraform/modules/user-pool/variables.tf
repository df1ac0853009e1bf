variable "name" {
  description = "Name of the user pool; its app client is \"<name>-client\"."
  type        = string
}

variable "domain_prefix" {
  description = "Prefix of the Cognito domain that serves the token endpoint, https://<prefix>.auth.<region>.amazoncognito.com. Unique within the Region across all accounts."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", var.domain_prefix)) && !strcontains(var.domain_prefix, "aws") && !strcontains(var.domain_prefix, "cognito")
    error_message = "domain_prefix must be 1 to 63 lower-case letters, digits and hyphens, without \"aws\" or \"cognito\" (which Cognito reserves)."
  }
}

variable "resource_server_identifier" {
  description = "Identifier of the resource server; tokens carry its scopes as \"<identifier>/<scope>\"."
  type        = string
  default     = "users"
}

variable "scopes" {
  description = "Scope name => description of the resource server's scopes."
  type        = map(string)
  default     = { write = "Change and delete users." }

  validation {
    condition     = length(var.scopes) > 0
    error_message = "The resource server needs at least one scope."
  }
}

variable "access_token_minutes" {
  description = "Lifetime of an access token, in minutes (5 to 1440)."
  type        = number
  default     = 60

  validation {
    condition     = var.access_token_minutes >= 5 && var.access_token_minutes <= 1440
    error_message = "access_token_minutes must be from 5 to 1440."
  }
}
