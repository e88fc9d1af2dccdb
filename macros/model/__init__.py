"""2. The data files read and validated into one typed Project."""
