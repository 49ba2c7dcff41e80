"""The package list: every k3desk package plus ``k3desk._resources``, the top-level
``resources/`` folder shipped inside the installed package (pyproject.toml maps it with
``package-dir`` and lists its files as package data). Everything else is in pyproject.toml."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["k3desk", "k3desk.*"]), "k3desk._resources"])
