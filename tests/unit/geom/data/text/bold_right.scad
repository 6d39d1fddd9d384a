text("bog", font = "Liberation Sans:style=Bold", halign = "right", valign = "bottom");
