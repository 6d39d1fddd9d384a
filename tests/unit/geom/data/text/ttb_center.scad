text("Hig", direction = "ttb", halign = "center", valign = "center", size = 20);
