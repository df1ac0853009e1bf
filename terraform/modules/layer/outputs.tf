output "arn" {
  description = "ARN of this layer version (ends in :<version>): the value a function lists in `layers`."
  value       = aws_lambda_layer_version.this.arn
}

output "layer_arn" {
  description = "ARN of the layer without a version."
  value       = aws_lambda_layer_version.this.layer_arn
}

output "version" {
  description = "Version number of this layer version."
  value       = aws_lambda_layer_version.this.version
}
