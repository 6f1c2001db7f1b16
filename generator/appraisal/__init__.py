"""After the self-assessments: `handbook batch` (batch.py) scores many people's files and sheets into a workbook
or a calibration page (calibration.py); report.py says results in words for the terminal and the workbook."""
