"""msc-kg: a knowledge graph of mesenchymal stem cell therapy, built from the literature."""

__version__ = "0.1.0"
