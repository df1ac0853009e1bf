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
  description = "One Lambda integration per function: its invoke ARN and the route keys (\"METHOD /path\", API Gateway path syntax such as /users/{id}) it serves."
  type = map(object({
    invoke_arn = string
    route_keys = list(string)
  }))

  validation {
    condition     = length(var.integrations) > 0 && alltrue([for integration in var.integrations : length(integration.route_keys) > 0])
    error_message = "integrations must hold at least one function, each with at least one route key."
  }

  validation {
    condition = alltrue(flatten([
      for integration in var.integrations : [
        for route_key in integration.route_keys :
        can(regex("^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY) /([^ ]*)$", route_key))
      ]
    ]))
    error_message = "Every route key must be \"METHOD /path\" with METHOD one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY."
  }

  validation {
    condition = length(flatten([for integration in var.integrations : integration.route_keys])) == length(distinct(flatten([
      for integration in var.integrations : integration.route_keys
    ])))
    error_message = "A route key may appear only once across all integrations."
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
