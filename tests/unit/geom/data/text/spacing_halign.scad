text("lol", size = 7, spacing = 1.5, halign = "center", $fn = 24);
