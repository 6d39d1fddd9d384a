text("g", valign = "top");
