text("lg", valign = "center");
