"""PDF input: the text layer of a published PDF, read with pdfplumber into the lines the text
path reads (loaders.source hands them on), each line with its page and row."""

from loaders.pdf.reader import PdfLine, PdfText, leading_text, read_pdf
from loaders.pdf.tables import PdfTable

__all__ = ["PdfLine", "PdfTable", "PdfText", "leading_text", "read_pdf"]
