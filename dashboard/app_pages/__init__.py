"""The dashboard's pages: thin scripts run by st.navigation (see dashboard/streamlit_app.py).

Not imported as modules; the package marker only makes installs ship the page files.
"""
