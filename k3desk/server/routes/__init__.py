"""HTTP routes, thin: each reads the request, calls a function below, shapes the answer."""
