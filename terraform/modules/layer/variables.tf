variable "name" {
  description = "Layer name; each apply with a changed zip publishes a new version under it."
  type        = string
}

variable "description" {
  description = "Description shown on each layer version."
  type        = string
  default     = "lambda-controllers: main.handler and the framework in nodejs/node_modules"
}

variable "zip_path" {
  description = "Path of the layer zip (nodejs/node_modules/... inside), as written by `npm run build`."
  type        = string

  validation {
    condition     = fileexists(var.zip_path)
    error_message = "The layer zip does not exist at the given path: run `npm run build` in the repository root first."
  }
}

variable "compatible_runtimes" {
  description = "Runtimes the layer declares it supports."
  type        = list(string)

  validation {
    condition     = length(var.compatible_runtimes) > 0 && alltrue([for runtime in var.compatible_runtimes : contains(["nodejs22.x", "nodejs24.x"], runtime)])
    error_message = "compatible_runtimes must list one or more of nodejs22.x and nodejs24.x."
  }
}

variable "compatible_architectures" {
  description = "Instruction sets the layer declares it supports."
  type        = list(string)
  default     = ["x86_64", "arm64"]

  validation {
    condition     = length(var.compatible_architectures) > 0 && alltrue([for architecture in var.compatible_architectures : contains(["x86_64", "arm64"], architecture)])
    error_message = "compatible_architectures must list one or more of x86_64 and arm64."
  }
}
