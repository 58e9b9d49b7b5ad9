"""Transform: raw career records to typed, validated tables (contract v1)."""
