#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The redaction sweep's transcript leg (issue 13): every secret shape goes through the module and the emulator with -Verbose
# and -Debug while a transcript records the session, and the transcript holds none of them. The journal, verbose, debug and
# error legs: tests/CallbackLab.PowerShell.Tests/Commands/Api/RedactionSweepTests.cs.

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force
}

AfterAll {
    Get-CallbackLabEmulator | Stop-CallbackLabEmulator
}

Describe 'Redaction in a transcript' {
    It 'keeps every secret shape out of the transcript' {
        $secret = 'SWEEP-transcript-51d0e2'
        $e = Start-CallbackLabEmulator
        $names = 'client_secret', 'clientSecret', 'refresh_token', 'apiKey', 'password', 'token', 'access_token'
        $props = @{}
        for ($i = 0; $i -lt $names.Count; $i++) { $props[$names[$i]] = "$secret$i" }
        $props['deep'] = @{ list = @(@{ APIKEY = "${secret}deep" }) }
        $json = $props | ConvertTo-Json -Depth 5 -Compress
        $headers = @{ 'X-Auth-Token' = "${secret}h1"; 'X-Api-Key' = "${secret}h2"; 'Cookie' = "session=${secret}h3"; 'Authorization' = "Bearer ${secret}h4" }
        $query = ($names | ForEach-Object { "$_=${secret}q" }) -join '&'
        $transcript = Join-Path $TestDrive 'transcript.txt'

        # Another client sends the raw shapes (before the transcript: Invoke-WebRequest's own debug output is not CallbackLab's).
        $null = Invoke-WebRequest -Uri $e.TokenUri -Method Post -Body $json -ContentType 'application/json' -Headers $headers -SkipHttpErrorCheck
        $null = Invoke-WebRequest -Uri "$($e.MockApiUri)/DynVars?$query" -Headers $headers -SkipHttpErrorCheck

        Start-Transcript -Path $transcript | Out-Null
        try {
            $VerbosePreference = 'Continue'
            $DebugPreference = 'Continue'
            $null = New-DynVars -Dn 5550197 -OutboundCallbackEp ep -TacNumber 14085267209 -Property $props -Verbose -Debug
            $null = Connect-Wxcc -Uri $e.WxccUri -TokenUri $e.TokenUri -ClientId $e.ClientId -ClientSecret $e.ClientSecret -RefreshToken $e.RefreshToken -MockApiUri $e.MockApiUri -Verbose -Debug
            Set-CallbackLabFault -Path '*/DynVars*' -Method GET -StatusCode 400 -Body $json -Count 1
            Get-DynVars -Id 1 -MaximumRetryCount 0 -Verbose -Debug -ErrorAction Continue
            Get-CallbackLabRequest -Emulator $e | Format-List * -Force | Out-Host
            Get-CallbackLabRequest -Emulator $e | ConvertTo-Json -Depth 5 | Out-Host
            $Error[0] | Format-List * -Force | Out-Host
            $Error[0].Exception | Format-List * -Force | Out-Host
        }
        finally {
            $VerbosePreference = 'SilentlyContinue'
            $DebugPreference = 'SilentlyContinue'
            Stop-Transcript | Out-Null
        }

        $text = Get-Content -Raw $transcript
        # The transcript saw each path (or a clean result would prove nothing) ...
        $text | Should -Match '/v1/access_token'
        $text | Should -Match 'X-Auth-Token'
        $text | Should -Match 'clientSecret'
        $text | Should -Match ([regex]::Escape('***'))
        # ... and holds no secret: neither the shapes sent nor the emulator's own.
        $text | Should -Not -Match ([regex]::Escape($secret))
        foreach ($own in $e.AccessToken, $e.ClientSecret, $e.RefreshToken) {
            $plain = [System.Net.NetworkCredential]::new('', $own).Password
            $text | Should -Not -Match ([regex]::Escape($plain))
        }
    }
}
