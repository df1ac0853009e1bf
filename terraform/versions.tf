terraform {
  # 1.5 for strcontains(). The tests in tests/ need 1.11 (mock values during plan).
  required_version = ">= 1.5, < 2.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.100 is what the offline provider mirror holds; nothing here needs a 6.x-only argument.
      version = ">= 5.100, < 7.0"
    }
  }
}
