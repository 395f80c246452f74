from django import forms


class ImportArchiveForm(forms.Form):
    """An organisation's archive to restore, and the people of the archive to take for local ones."""

    archive = forms.FileField(label="Archive (fichier JSON écrit par l'export de Confiance)")
    mapping = forms.CharField(
        label="Correspondances de personnes", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Une ligne par conflit signalé : ANCIEN=LOCAL (nom d'utilisateur dans l'archive = ici).")

    def clean_mapping(self):
        mapping = {}
        for line in self.cleaned_data["mapping"].splitlines():
            if not line.strip():
                continue
            old, sep, new = line.partition("=")
            if not sep or not old.strip() or not new.strip():
                raise forms.ValidationError(f"« {line.strip()} » n'a pas la forme ANCIEN=LOCAL.")
            mapping[old.strip()] = new.strip()
        return mapping
