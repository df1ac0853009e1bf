# modules/layer on its own, with the zip `npm run build` writes.

mock_provider "aws" {
  override_during = plan
  source          = "./tests/mocks"
}

variables {
  name                = "lambda-controllers-layer"
  zip_path            = "../layer-dist/layer.zip"
  compatible_runtimes = ["nodejs22.x"]
}

run "publishes_the_built_zip_for_node_on_both_architectures" {
  command = plan

  module {
    source = "./modules/layer"
  }

  assert {
    condition     = aws_lambda_layer_version.this.filename == "../layer-dist/layer.zip"
    error_message = "The layer must be the given zip."
  }

  assert {
    condition     = aws_lambda_layer_version.this.source_code_hash == filebase64sha256("../layer-dist/layer.zip")
    error_message = "source_code_hash must be the zip's SHA-256, so an unchanged build publishes no new version."
  }

  assert {
    condition     = aws_lambda_layer_version.this.compatible_runtimes == toset(["nodejs22.x"])
    error_message = "The layer must declare the function runtime."
  }

  assert {
    condition     = aws_lambda_layer_version.this.compatible_architectures == toset(["x86_64", "arm64"])
    error_message = "The layer must declare both architectures."
  }

  assert {
    condition     = output.arn == "arn:aws:lambda:eu-west-1:123456789012:layer:lambda-controllers-layer:1"
    error_message = "arn must be the versioned layer ARN."
  }
}

run "refuses_a_missing_zip" {
  command = plan

  module {
    source = "./modules/layer"
  }

  variables {
    zip_path = "../layer-dist/missing.zip"
  }

  expect_failures = [var.zip_path]
}

run "refuses_a_runtime_the_layer_was_not_built_for" {
  command = plan

  module {
    source = "./modules/layer"
  }

  variables {
    compatible_runtimes = ["python3.13"]
  }

  expect_failures = [var.compatible_runtimes]
}
