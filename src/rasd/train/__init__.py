"""Training: models rasd ships are built by these from the data under ../shared/data, reproducibly."""
