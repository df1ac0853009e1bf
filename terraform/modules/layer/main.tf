resource "aws_lambda_layer_version" "this" {
  layer_name  = var.name
  description = var.description
  filename    = var.zip_path
  # The build writes byte-identical zips for unchanged sources, so an unchanged build keeps this
  # hash and publishes no new version.
  source_code_hash         = filebase64sha256(var.zip_path)
  compatible_runtimes      = var.compatible_runtimes
  compatible_architectures = var.compatible_architectures
}
