"""Extract: discover page URLs, fetch them politely, keep raw bodies, parse to `RawCareer`."""
