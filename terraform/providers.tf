provider "aws" {
  profile = var.aws_profile
  region  = var.aws_region

  default_tags {
    tags = merge(
      {
        Project   = "lambda-controllers"
        Stack     = var.name_prefix
        ManagedBy = "terraform"
      },
      var.tags,
    )
  }
}
