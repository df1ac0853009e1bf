variable "function_name" {
  description = "Name of the Lambda function; also names its role (\"<name>-role\") and its log group (\"/aws/lambda/<name>\")."
  type        = string

  validation {
    # IAM role names stop at 64 characters, and the role is "<function_name>-role".
    condition     = can(regex("^[A-Za-z0-9_-]{1,59}$", var.function_name))
    error_message = "function_name must be 1 to 59 letters, digits, hyphens or underscores."
  }
}

variable "description" {
  description = "Description of the function."
  type        = string
  default     = ""
}

variable "zip_path" {
  description = "Path of the function's zip: only the built routes.js (and its source map). The layer provides main.js and the framework."
  type        = string

  validation {
    condition     = fileexists(var.zip_path)
    error_message = "The function zip does not exist at the given path: run `npm run build` in the repository root first."
  }
}

variable "handler" {
  description = "Handler string. main.handler is the layer's entry point (nodejs/node_modules/main.js), which loads routes.js from the function's zip."
  type        = string
  default     = "main.handler"
}

variable "runtime" {
  description = "Node.js runtime of the function."
  type        = string
  default     = "nodejs22.x"

  validation {
    condition     = contains(["nodejs22.x", "nodejs24.x"], var.runtime)
    error_message = "runtime must be nodejs22.x or nodejs24.x."
  }
}

variable "architecture" {
  description = "Instruction set of the function: x86_64 or arm64."
  type        = string
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.architecture)
    error_message = "architecture must be x86_64 or arm64."
  }
}

variable "memory_size" {
  description = "Memory in MB; Lambda allocates CPU in proportion to it."
  type        = number
  default     = 512

  validation {
    condition     = var.memory_size >= 128 && var.memory_size <= 10240
    error_message = "memory_size must be between 128 and 10240 MB."
  }
}

variable "timeout" {
  description = "Timeout in seconds. An HTTP API waits at most 30 s for its integration, so a longer timeout only costs money."
  type        = number
  default     = 30

  validation {
    condition     = var.timeout >= 1 && var.timeout <= 30
    error_message = "timeout must be between 1 and 30 seconds (the HTTP API integration limit)."
  }
}

variable "layer_arns" {
  description = "Versioned ARNs of the layers to attach, in order; the lambda-controllers layer provides main.handler."
  type        = list(string)

  validation {
    condition     = length(var.layer_arns) > 0 && length(var.layer_arns) <= 5
    error_message = "layer_arns must list 1 to 5 layer versions (the lambda-controllers layer at least)."
  }
}

variable "environment" {
  description = "Environment variables of the function, for example { TABLE_NAME = \"...\" }."
  type        = map(string)
  default     = {}
}

variable "log_retention_in_days" {
  description = "Days CloudWatch keeps the function's logs."
  type        = number
  default     = 14

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be a value CloudWatch Logs accepts, for example 7, 14, 30 or 90."
  }
}

variable "http_api_execution_arn" {
  description = "Execution ARN of the HTTP API allowed to invoke the function (the permission covers that API only)."
  type        = string
}

variable "policy_statements" {
  description = "Data-access statements of the function's role, each with the exact actions and resource ARNs the code needs. Wildcards are refused: list every action and every ARN."
  type = list(object({
    sid       = string
    actions   = list(string)
    resources = list(string)
  }))
  default = []

  validation {
    condition = alltrue([
      for statement in var.policy_statements :
      length(statement.actions) > 0 && alltrue([for action in statement.actions : !strcontains(action, "*")])
    ])
    error_message = "Every policy statement needs at least one action, and no action may contain \"*\"."
  }

  validation {
    condition = alltrue([
      for statement in var.policy_statements :
      length(statement.resources) > 0 && alltrue([for resource in statement.resources : !strcontains(resource, "*")])
    ])
    error_message = "Every policy statement needs at least one resource ARN, and no resource may contain \"*\"."
  }

  validation {
    condition     = alltrue([for statement in var.policy_statements : can(regex("^[A-Za-z0-9]+$", statement.sid))])
    error_message = "Every sid must be alphanumeric (IAM's rule for statement ids)."
  }

  validation {
    condition     = length(distinct(concat(["WriteOwnLogGroup"], [for statement in var.policy_statements : statement.sid]))) == length(var.policy_statements) + 1
    error_message = "Every sid must be unique, and WriteOwnLogGroup is taken by the module's logs statement."
  }
}

variable "streaming_url" {
  description = "Give the function a URL that streams responses (invoke_mode RESPONSE_STREAM, callers signing with IAM), and set LAMBDA_CONTROLLERS_STREAM=1 so that main.handler is the streaming handler. HTTP API invocations keep their ordinary results."
  type        = bool
  default     = false
}
