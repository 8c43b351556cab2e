"""Question banks out of the course (Moodle XML, GIFT, an .xlsx bank) and the .xlsx bank back into quizzes/*.yaml."""
