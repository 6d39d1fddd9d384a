text("Hig", direction = "btt", halign = "right", valign = "top");
