enum PlaceholderAxleDemo {}
