variable "name" {
  description = "Name of the HTTP API; the access log group is \"/aws/apigateway/<name>\"."
  type        = string
}

variable "description" {
  description = "Description of the HTTP API."
  type        = string
  default     = ""
}

variable "integrations" {
  description = "One Lambda integration per function: its invoke ARN and its routes, as the function's routes.json lists them: the route key (\"METHOD /path\", API Gateway path syntax such as /users/{id}), \"JWT\" for a route behind the JWT authorizer or \"NONE\", and the authorization scopes of a JWT route."
  type = map(object({
    invoke_arn = string
    routes = list(object({
      route_key          = string
      authorization_type = optional(string, "NONE")
      scopes             = optional(list(string), [])
    }))
  }))

  validation {
    condition     = length(var.integrations) > 0 && alltrue([for integration in var.integrations : length(integration.routes) > 0])
    error_message = "integrations must hold at least one function, each with at least one route."
  }

  validation {
    condition = alltrue(flatten([
      for integration in var.integrations : [
        for route in integration.routes :
        can(regex("^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY) /([^ ]*)$", route.route_key))
      ]
    ]))
    error_message = "Every route key must be \"METHOD /path\" with METHOD one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY."
  }

  validation {
    condition = length(flatten([for integration in var.integrations : integration.routes])) == length(distinct(flatten([
      for integration in var.integrations : [for route in integration.routes : route.route_key]
    ])))
    error_message = "A route key may appear only once across all integrations."
  }

  validation {
    condition = alltrue(flatten([
      for integration in var.integrations : [
        for route in integration.routes :
        contains(["NONE", "JWT"], route.authorization_type) && (route.authorization_type == "JWT" || length(route.scopes) == 0)
      ]
    ]))
    error_message = "A route's authorization_type must be NONE or JWT, and only a JWT route may have scopes."
  }

  validation {
    condition = var.jwt_authorizer != null || alltrue(flatten([
      for integration in var.integrations : [for route in integration.routes : route.authorization_type == "NONE"]
    ]))
    error_message = "Routes with authorization_type JWT need jwt_authorizer."
  }
}

variable "jwt_authorizer" {
  description = "The JWT authorizer of the protected routes: the issuer (the iss of its tokens; its JWKS is read from <issuer>/.well-known/jwks.json) and the accepted audiences (aud, or client_id for Cognito access tokens). Null when no route is protected."
  type = object({
    name     = optional(string, "jwt")
    issuer   = string
    audience = list(string)
  })
  default = null

  validation {
    condition     = var.jwt_authorizer == null || (startswith(try(var.jwt_authorizer.issuer, ""), "https://") && length(try(var.jwt_authorizer.audience, [])) > 0)
    error_message = "jwt_authorizer needs an https:// issuer and at least one audience."
  }
}

variable "throttling_rate_limit" {
  description = "Steady-state requests per second per route on the $default stage."
  type        = number

  validation {
    condition     = var.throttling_rate_limit > 0
    error_message = "throttling_rate_limit must be greater than 0."
  }
}

variable "throttling_burst_limit" {
  description = "Burst of requests per route on the $default stage."
  type        = number

  validation {
    condition     = var.throttling_burst_limit > 0
    error_message = "throttling_burst_limit must be greater than 0."
  }
}

variable "log_retention_in_days" {
  description = "Days CloudWatch keeps the access logs."
  type        = number
  default     = 14

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be a value CloudWatch Logs accepts, for example 7, 14, 30 or 90."
  }
}
